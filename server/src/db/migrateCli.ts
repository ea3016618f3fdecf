import { loadConfig } from '../config';
import { migrate } from './migrate';

const config = loadConfig();
const applied = await migrate(config.databaseUrl);
console.log(applied.length ? `Applied ${applied.join(', ')}` : 'Database is up to date');
