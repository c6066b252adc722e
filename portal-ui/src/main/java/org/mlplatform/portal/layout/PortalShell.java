package org.mlplatform.portal.layout;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.theme.Theme;

/**
 * The application shell: the theme in {@code frontend/themes/portal}, and server push for live
 * pages (training jobs, deployments while they load). Push uses long polling, so every request, the
 * browser's clicks and the push channel alike, is a plain HTTP request: only those carry the OIDC
 * session that {@code AccessTokens} reads the user's token from. Not a websocket: Vaadin's push
 * handler takes the session lock when a websocket opens, on the Vert.x event loop here, and that
 * deadlocked the portal when a page held the lock while its REST call waited for the same event
 * loop (vaadin/flow#18349); long polling runs on worker threads.
 */
@Theme("portal")
@Push(transport = Transport.LONG_POLLING)
public class PortalShell implements AppShellConfigurator {}
