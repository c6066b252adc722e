package org.mlplatform.portal.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

/** A friendly full-width message instead of content: empty states, suspended tenants. */
public final class Notice extends Div {

    public Notice(String heading, String text, Component... actions) {
        addClassName("notice");
        add(new H2(heading), new Paragraph(text));
        add(actions);
    }
}
