import { loadConfig } from '../config';
import { migrateSqlite } from './migrations';

const config = loadConfig();
const applied = migrateSqlite(config.databaseUrl);
console.log(applied.length ? `Applied ${applied.join(', ')}` : 'Database is up to date');
