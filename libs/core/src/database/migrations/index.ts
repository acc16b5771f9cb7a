import { Platform1764200000000 } from './1764200000000-platform';
import { Cases1764300000000 } from './1764300000000-cases';

/** Every migration in order. Listed explicitly so that compiled code and tests load the same set. */
export const MIGRATIONS = [Platform1764200000000, Cases1764300000000];
