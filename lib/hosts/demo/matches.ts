/** Loopback is where the built-in demo intranet runs, on whatever port is free. */
export const DEMO_INTRANET_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];
