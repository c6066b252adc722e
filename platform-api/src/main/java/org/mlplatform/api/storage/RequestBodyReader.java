package org.mlplatform.api.storage;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerHttpRequest;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyReader;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * Gives every {@code InputStream} body parameter (raw uploads of models, datasets, checkpoints and
 * artifacts) a {@link RequestBodyStream} in place of RESTEasy's chunk-at-a-time stream. A body that
 * RESTEasy has already started to read keeps RESTEasy's stream.
 */
@Provider
@Consumes(MediaType.WILDCARD)
public class RequestBodyReader implements ServerMessageBodyReader<InputStream> {

    @Override
    public boolean isReadable(
            Class<?> type, Type genericType, ResteasyReactiveResourceInfo target, MediaType media) {
        return type == InputStream.class;
    }

    @Override
    public boolean isReadable(
            Class<?> type, Type genericType, Annotation[] annotations, MediaType media) {
        return type == InputStream.class;
    }

    @Override
    public InputStream readFrom(
            Class<InputStream> type,
            Type genericType,
            MediaType media,
            ServerRequestContext context) {
        if (context instanceof ResteasyReactiveRequestContext request
                && !request.hasInputStream()) {
            ServerHttpRequest http = request.serverRequest();
            HttpServerRequest vertx = http.unwrap(HttpServerRequest.class);
            if (vertx != null) {
                return new RequestBodyStream(vertx, http::resumeRequestInput);
            }
        }
        return context.getInputStream();
    }

    @Override
    public InputStream readFrom(
            Class<InputStream> type,
            Type genericType,
            Annotation[] annotations,
            MediaType media,
            MultivaluedMap<String, String> headers,
            InputStream entity)
            throws IOException {
        return entity;
    }
}
