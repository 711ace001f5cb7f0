// The only importer of chalk: loading this module makes colour output available (see paint.ts).
import { Chalk } from 'chalk';
import { registerColour } from './paint.js';

// Level 1 (16 colours) is what every terminal shows alike; whether to colour at all is decided by the shell.
registerColour(new Chalk({ level: 1 }));
