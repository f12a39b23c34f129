export { LoadedList } from './LoadedList';
