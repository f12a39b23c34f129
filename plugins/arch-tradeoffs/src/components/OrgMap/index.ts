export { OrgMap } from './OrgMap';
