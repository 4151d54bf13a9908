package org.rrp.workflow.casework;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The variable names a {@code *Variables} class declares: its {@code static final String} constants, less the values
 * it lists in its sets (a choice's options), hyphenated codes and sentences.
 */
public final class VariableNames {

  private VariableNames() {
  }

  public static Set<String> declaredIn(Class<?> type) {
    Set<String> constants = new HashSet<>();
    Set<Object> values = new HashSet<>();
    for (Field field : type.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (!Modifier.isStatic(modifiers) || !Modifier.isFinal(modifiers)) {
        continue;
      }
      try {
        field.setAccessible(true);
        Object value = field.get(null);
        if (value instanceof String name) {
          constants.add(name);
        } else if (value instanceof Collection<?> set) {
          values.addAll(set);
        }
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    constants.removeAll(values);
    constants.removeIf(name -> name.contains("-") || name.contains(" ") || name.toUpperCase().equals(name));
    return constants;
  }
}
