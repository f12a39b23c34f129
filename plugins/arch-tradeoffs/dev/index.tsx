/*
 * The dev app behind `npm start` (:3000), on the new frontend system: the catalog (with entity pages),
 * the org plugin (group pages) and arch-tradeoffs, signed in as guest without a click so a headless
 * browser lands straight on the page.
 */
import ReactDOM from 'react-dom/client';
// Backstage UI's stylesheet: the new frontend system's app shell and catalog pages are styled by it.
// dev/ is this package's app (as in an app package); the plugin's own code does not import it.
// eslint-disable-next-line @backstage/no-ui-css-imports-in-non-frontend
import '@backstage/ui/css/styles.css';
import { createApp } from '@backstage/frontend-defaults';
import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import { ProxiedSignInPage } from '@backstage/core-components';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import orgPlugin from '@backstage/plugin-org/alpha';
import archTradeoffsPlugin from '../src/alpha';

const guestSignIn = createFrontendModule({
  pluginId: 'app',
  extensions: [
    SignInPageBlueprint.make({
      params: {
        loader: async () => props => <ProxiedSignInPage {...props} provider="guest" />,
      },
    }),
  ],
});

const app = createApp({
  features: [catalogPlugin, orgPlugin, archTradeoffsPlugin, guestSignIn],
});

ReactDOM.createRoot(document.getElementById('root')!).render(app.createRoot());
