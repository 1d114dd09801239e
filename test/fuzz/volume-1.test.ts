// A quarter of the fuzzing by volume (test/fuzz/volume.ts); the four files run in parallel.
import { volumeShard } from './volume.js';

volumeShard(0, 4);
