import { packageRequire } from './paths.js';

export const VERSION: string = (packageRequire('./package.json') as { version: string }).version;
