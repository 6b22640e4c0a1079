import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startTeaching } from '../lib/teach/start-teaching';

// Injected by the background into the tab where the user chose "Teach Rückenwind this site".
export default defineUnlistedScript(() => void startTeaching());
