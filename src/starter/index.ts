export { listStarterPackageDirs, STARTER_QUERIES_FILE } from './starter-packages.ts';
