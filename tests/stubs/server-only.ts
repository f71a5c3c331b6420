// vitest runs lib modules outside React's server environment, where `server-only` would throw.
export {};
