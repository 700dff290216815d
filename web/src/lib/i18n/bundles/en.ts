// Every string of the UI in one language: loaded as its own chunk, only when that language is used.
import { bundle } from './bundle';

export default bundle(import.meta.glob('../locales/**/en.json', { eager: true, import: 'default' }));
