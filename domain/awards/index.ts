// Awards: applying for a qualification when the audit passes and its confirmation, with their ports.
export * from './awards.ts';
