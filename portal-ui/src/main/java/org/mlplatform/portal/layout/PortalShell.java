package org.mlplatform.portal.layout;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.Theme;

/** The application shell: the theme in {@code frontend/themes/portal}. */
@Theme("portal")
public class PortalShell implements AppShellConfigurator {}
