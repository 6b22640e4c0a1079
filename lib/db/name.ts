/** The extension's IndexedDB database: its own module so that a reader without Dexie can name it. */
export const DB_NAME = 'rueckenwind';
