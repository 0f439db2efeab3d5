package io.stratum.core.runtime;

/**
 * One named runtime setting and the Java type its JSON value maps to (a record, read and written
 * with Jackson). {@code fallback} is the value in force until an administrator first saves one.
 */
public record RuntimeSetting<T>(String name, Class<T> type, T fallback) {
}
