import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';

const ROOT = path.resolve(__dirname, '../../..');

/** `npm start` is how people try the plugin: what they decide must not vanish with a restart. */
describe('the local app-config', () => {
  it('keeps the database in files under the git-ignored .data folder, not in memory', () => {
    const config = yaml.load(fs.readFileSync(path.join(ROOT, 'app-config.yaml'), 'utf8')) as any;
    const database = config.backend.database;
    expect(database.client).toBe('better-sqlite3');
    expect(database.connection).not.toBe(':memory:');
    // Relative to the backend package, where `backstage-cli package start` runs.
    const directory = path.resolve(ROOT, 'plugins/arch-tradeoffs-backend', database.connection.directory);
    expect(path.relative(ROOT, directory).split(path.sep)[0]).toBe('.data');
    expect(fs.readFileSync(path.join(ROOT, '.gitignore'), 'utf8').split('\n')).toContain('.data/');
  });
});
