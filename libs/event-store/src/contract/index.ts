export { describeEventStoreContract, event, type ContractHarness } from './event-store-contract.js';
