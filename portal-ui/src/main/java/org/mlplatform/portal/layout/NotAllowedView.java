package org.mlplatform.portal.layout;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

/** Where a page the user may not open sends them, such as the admin area for non-admins. */
@Route(value = "not-allowed", layout = MainLayout.class)
@PageTitle("Not allowed")
public class NotAllowedView extends VerticalLayout {

    public NotAllowedView() {
        add(
                new Notice(
                        "Not allowed",
                        "This page is only for platform administrators.",
                        new Anchor("", "Back to your dashboard")));
    }
}
