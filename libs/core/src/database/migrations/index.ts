import { Platform1764200000000 } from './1764200000000-platform';
import { Cases1764300000000 } from './1764300000000-cases';
import { Notifications1764400000000 } from './1764400000000-notifications';
import { Exchanges1764500000000 } from './1764500000000-exchanges';
import { Workload1764600000000 } from './1764600000000-workload';
import { NameTriples1764700000000 } from './1764700000000-name-triples';
import { ContactInquiry1764800000000 } from './1764800000000-contact-inquiry';
import { CaseMergeCheck1764900000000 } from './1764900000000-case-merge-check';
import { DropUnusedCaseIndexes1765000000000 } from './1765000000000-drop-unused-case-indexes';

/** Every migration in order. Listed explicitly so that compiled code and tests load the same set. */
export const MIGRATIONS = [
  Platform1764200000000,
  Cases1764300000000,
  Notifications1764400000000,
  Exchanges1764500000000,
  Workload1764600000000,
  NameTriples1764700000000,
  ContactInquiry1764800000000,
  CaseMergeCheck1764900000000,
  DropUnusedCaseIndexes1765000000000,
];
