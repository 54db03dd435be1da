// Credit accounts: balances folded from the ledger, when credits expire, and the projection's port.
export * from './accounts.ts';
export * from './expiry.ts';
export * from './ports.ts';
