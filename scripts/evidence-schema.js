#!/usr/bin/env node
// npm run evidence-schema: writes the statement names of
// schemas/evidence.schema.json (wherever a statement is named) from the framework
// catalogues in rubrics/frameworks/, so editors complete them. With --check,
// only says whether the file is up to date (exit 1 when not).
import { withStatementNames } from '../dist/frameworks/statement-schema.js';
import { regenerateSchema } from './generated-schema.js';

await regenerateSchema('evidence.schema.json', 'evidence-schema', withStatementNames);
