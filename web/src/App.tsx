import { useEffect, useRef } from 'react';
import { ChatPage } from './pages/ChatPage.tsx';
import { SettingsPage } from './pages/SettingsPage.tsx';
import { ToolPage } from './pages/ToolPage.tsx';
import { ToolsPage } from './pages/ToolsPage.tsx';
import { useHashRoute, type Route } from './use-hash-route.ts';

const links: { href: string; label: string; pages: Route['page'][] }[] = [
  { href: '#/', label: 'Chat', pages: ['chat'] },
  { href: '#/tools', label: 'Tools', pages: ['tools', 'tool'] },
  { href: '#/settings', label: 'Settings', pages: ['settings'] },
];

export function App() {
  const route = useHashRoute();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // After a navigation, move focus to the page so keyboard and screen-reader users start there.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [route]);

  return (
    <>
      <a className="skip-link" href="#main" onClick={(event) => (event.preventDefault(), main.current?.focus())}>
        Skip to content
      </a>
      <header className="top-bar">
        <span className="brand">Toolsmith</span>
        <nav aria-label="Pages">
          {links.map((link) => (
            <a key={link.href} href={link.href} aria-current={link.pages.includes(route.page) ? 'page' : undefined}>
              {link.label}
            </a>
          ))}
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {route.page === 'chat' && <ChatPage />}
        {route.page === 'tools' && <ToolsPage />}
        {route.page === 'tool' && <ToolPage name={route.name} />}
        {route.page === 'settings' && <SettingsPage />}
      </main>
    </>
  );
}
