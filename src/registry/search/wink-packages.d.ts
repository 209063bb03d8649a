/** Types for the wink packages the search layer uses; they ship none. */
declare module 'wink-porter2-stemmer' {
  /** The Porter2 ("English") stem of one lower-case word. */
  const stem: (word: string) => string;
  export default stem;
}

declare module 'wink-lemmatizer' {
  /** Base forms by part of speech; a word with no known base form comes back unchanged. */
  const lemmatizer: {
    noun(word: string): string;
    verb(word: string): string;
    adjective(word: string): string;
  };
  export default lemmatizer;
}
