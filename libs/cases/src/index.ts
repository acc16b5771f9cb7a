export * from './cases.module';
export * from './status/case-status';
export * from './cases/cases.repository';
export * from './cases/case-status.service';
export * from './search/case-search.service';
export * from './search/name-keys';
export * from './inquiries/inquiries.repository';
export * from './person.dto';
