package org.mlplatform.portal.layout;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.theme.Theme;

/**
 * The application shell: the theme in {@code frontend/themes/portal}, and server push for live
 * pages (training jobs). Push goes server to browser over a websocket, but the browser's own
 * requests stay plain XHR ({@code WEBSOCKET_XHR}): only HTTP requests carry the OIDC session that
 * {@code AccessTokens} reads the user's token from, so every click must arrive as one.
 */
@Theme("portal")
@Push(transport = Transport.WEBSOCKET_XHR)
public class PortalShell implements AppShellConfigurator {}
