package org.mlplatform.portal;

import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.server.VaadinService;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;

/**
 * Builds views and layouts the way CDI does in the app: through their constructor, with the API
 * beans of the test in place of the REST clients.
 */
class TestInstantiator extends DefaultInstantiator {

    private final Map<Class<?>, Object> beans;

    TestInstantiator(VaadinService service, Map<Class<?>, Object> beans) {
        super(service);
        this.beans = beans;
    }

    @Override
    public <T> T getOrCreate(Class<T> type) {
        Object bean = beans.get(type);
        if (bean != null) {
            return type.cast(bean);
        }
        Constructor<?>[] constructors = type.getConstructors();
        if (constructors.length != 1 || constructors[0].getParameterCount() == 0) {
            return super.getOrCreate(type);
        }
        Constructor<?> constructor = constructors[0];
        Object[] args = new Object[constructor.getParameterCount()];
        for (int i = 0; i < args.length; i++) {
            args[i] = getOrCreate(constructor.getParameterTypes()[i]);
        }
        try {
            return type.cast(constructor.newInstance(args));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create " + type, e);
        }
    }
}
