package io.stratum.admin.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The right an admin endpoint needs: a section and a level. Every resource method under
 * {@code /api/v1/admin} and the console path carries exactly one of {@link AdminAccess},
 * {@link AnyAdministrator} or {@link PublicAdminEndpoint}; a method with none is refused with 403
 * ({@link AccessFilter}) and fails the rights table test.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AdminAccess {
    Section value();

    Access access() default Access.READ;
}
