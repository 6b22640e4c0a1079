// The document root of one test WordPress: Debian's /usr/share/wordpress linked in entry by entry, with our
// own wp-config.php and wp-content. Debian's wp-config.php would insist on a config file in /etc/wordpress.
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const WORDPRESS = '/usr/share/wordpress';
const MU_PLUGINS = new URL('./mu-plugins/', import.meta.url);
const KEYS = ['AUTH', 'SECURE_AUTH', 'LOGGED_IN', 'NONCE'].flatMap((name) => [`${name}_KEY`, `${name}_SALT`]);

/**
 * @param {string} dir
 * @param {{ url: string, socket: string, database: string }} options
 * @returns {Promise<{ siteDir: string, prependFile: string }>}
 */
export async function writeSite(dir, { url, socket, database }) {
  const siteDir = join(dir, 'site');
  const content = join(siteDir, 'wp-content');
  await mkdir(join(content, 'mu-plugins'), { recursive: true });
  await mkdir(join(content, 'uploads'));
  for (const entry of await readdir(WORDPRESS)) {
    if (entry === 'wp-config.php' || entry === 'wp-content') continue;
    await symlink(join(WORDPRESS, entry), join(siteDir, entry));
  }
  for (const entry of ['themes', 'plugins']) {
    await symlink(join(WORDPRESS, 'wp-content', entry), join(content, entry));
  }
  for (const plugin of await readdir(MU_PLUGINS)) {
    await copyFile(new URL(plugin, MU_PLUGINS), join(content, 'mu-plugins', plugin));
  }
  await writeFile(join(siteDir, 'wp-config.php'), wpConfig({ url, socket, database, content }));

  // PHP resolves symlinks in __DIR__, so wp-load.php would look for wp-config.php next to Debian's files;
  // an ABSPATH defined before any WordPress file runs points it at this directory instead.
  const prependFile = join(dir, 'prepend.php');
  await writeFile(prependFile, `<?php\ndefine('ABSPATH', ${php(`${siteDir}/`)});\n`);
  return { siteDir, prependFile };
}

/** @param {{ url: string, socket: string, database: string, content: string }} options */
function wpConfig({ url, socket, database, content }) {
  const defines = {
    DB_NAME: database,
    DB_USER: 'root',
    DB_PASSWORD: '',
    DB_HOST: `localhost:${socket}`,
    DB_CHARSET: 'utf8mb4',
    DB_COLLATE: '',
    ...Object.fromEntries(KEYS.map((key) => [key, randomBytes(32).toString('hex')])),
    WP_HOME: url,
    WP_SITEURL: url,
    WP_CONTENT_DIR: content,
    WP_CONTENT_URL: `${url}/wp-content`,
    // Application Passwords need it over plain http.
    WP_ENVIRONMENT_TYPE: 'local',
    // A closed network and a throwaway site: no update checks, no loopback cron requests.
    WP_HTTP_BLOCK_EXTERNAL: true,
    AUTOMATIC_UPDATER_DISABLED: true,
    DISABLE_WP_CRON: true,
  };
  const lines = Object.entries(defines).map(([name, value]) => `define('${name}', ${php(value)});`);
  return [
    '<?php',
    '// Written by tests/hosts/wordpress/site-files.mjs for one test site.',
    ...lines,
    "$table_prefix = 'wp_';",
    "require_once ABSPATH . 'wp-settings.php';",
    '',
  ].join('\n');
}

/** @param {string | boolean} value as a PHP literal */
function php(value) {
  if (typeof value === 'boolean') return String(value);
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}
