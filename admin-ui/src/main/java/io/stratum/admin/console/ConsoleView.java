package io.stratum.admin.console;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.stratum.admin.auth.AdminPrincipal;
import io.stratum.admin.auth.CurrentAdmin;
import io.stratum.admin.auth.RoleSections;
import io.stratum.admin.auth.Section;
import io.stratum.admin.web.AdminPaths;
import io.stratum.admin.web.ClientRequest;
import io.stratum.admin.web.ConsoleLocale;
import io.stratum.core.server.ServerConfig;
import io.vertx.core.http.HttpServerRequest;

/**
 * Renders console pages with what every page shows: the console path, the administrator, the
 * sections they may see, the CSRF token, the language, a notice or an error, field errors and the
 * submitted values.
 */
@ApplicationScoped
public class ConsoleView {
    /** Sections that have a page, in menu order. */
    static final List<Section> PAGES = List.of(Section.SERVER, Section.ADMINISTRATORS, Section.AUDIT, Section.SETTINGS, Section.EMAIL,
            Section.REGISTRATION, Section.USERS, Section.CHATS, Section.ADDRESS_BOOK, Section.DIRECTORY, Section.TRUSTS, Section.GLOBAL_CHAT, Section.MONITORING,
            Section.LOGS);
    /** Further pages of a section, each a menu entry of its own after the section's (path, text key). */
    static final Map<Section, List<String[]>> MORE_PAGES = Map.of(Section.TRUSTS,
            List.of(new String[] {"servers", "page_servers"}, new String[] {"graph", "page_graph"}));

    private final AdminPaths paths;
    private final CurrentAdmin current;
    private final ServerConfig server;
    private final RoleSections roleSections;

    public ConsoleView(AdminPaths paths, CurrentAdmin current, ServerConfig server, RoleSections roleSections) {
        this.paths = paths;
        this.current = current;
        this.server = server;
        this.roleSections = roleSections;
    }

    /** The sections with a page that exist on this server's role and that the administrator may see, in menu order. */
    List<Section> visiblePages(AdminPrincipal admin) {
        return PAGES.stream().filter(roleSections::present).filter(admin.rights()::sees).toList();
    }

    /**
     * The menu entries of a section. On an RTS or ETS the Trusts section has no partner trusts
     * (admin.md, "Trusts (CTS)"): its entries are the Servers and Graph pages only.
     */
    private List<NavItem> entries(Section section, Map<String, String> labels) {
        java.util.stream.Stream<NavItem> own = section == Section.TRUSTS && !roleSections.corporate() ? java.util.stream.Stream.empty()
                : java.util.stream.Stream.of(new NavItem(section.name().toLowerCase(Locale.ROOT), labels.get("section_" + section.name())));
        return java.util.stream.Stream.concat(own, MORE_PAGES.getOrDefault(section, List.of()).stream()
                .map(more -> new NavItem(more[0], labels.get(more[1])))).toList();
    }

    /** The path of a section's first menu entry (the Servers page for the Trusts section of an RTS or ETS). */
    String firstPath(Section section) {
        return entries(section, Map.of()).get(0).path();
    }

    /** A menu entry: the section's path below the console and its label. */
    public record NavItem(String path, String label) {
    }

    /** A page in the making; add data, then {@link Page#ok()} or {@link Page#status(int)}. */
    public final class Page {
        private final TemplateInstance instance;
        private final Locale locale;
        private final HttpServerRequest request;
        private String pushUrl;
        private String tableAddress;
        private final Map<String, String> labels;

        Page(Template template, HttpServerRequest request, String active) {
            this.request = request;
            this.locale = ConsoleLocale.of(request);
            AdminPrincipal admin = current.get().orElse(null);
            Map<String, String> labels = textsByKey(messages());
            List<NavItem> nav = admin == null ? List.of()
                    : visiblePages(admin).stream().flatMap(s -> entries(s, labels).stream()).toList();
            instance = template.instance()
                    .data("base", paths.base())
                    .data("server", server)
                    .data("regional", roleSections.regional())
                    .data("admin", admin)
                    .data("nav", nav)
                    .data("active", active)
                    .data("csrf", admin == null ? "" : admin.csrfToken())
                    .data("lang", locale.getLanguage())
                    .data("here", paths.base() + (active == null ? "" : "/" + active.toLowerCase(Locale.ROOT)))
                    .data("notice", null)
                    .data("error", null)
                    .data("errors", Map.of())
                    .data("form", Map.of());
            instance.setLocale(locale);
            instance.data("labels", labels);
            instance.data("roleLabel", admin == null ? "" : labels.get("role_" + admin.rights().role().name()));
            this.labels = labels;
        }

        public Page with(String name, Object value) {
            instance.data(name, value);
            return this;
        }

        /** A success notice (already in the page's language: see {@link #messages()}). */
        public Page notice(String text) {
            return with("notice", text);
        }

        /** An error notice. */
        public Page error(String text) {
            return with("error", text);
        }

        /** Texts by run-time key (role_X, section_X, access_X, metric_X, audit_X) in this page's language. */
        public Map<String, String> labels() {
            return labels;
        }

        /** The console's texts in this page's language. */
        public ConsoleMessages messages() {
            return MessageBundles.get(ConsoleMessages.class, Localized.Literal.of(locale.getLanguage()));
        }

        /** Another bundle of the console's texts (e.g. {@link UserMessages}) in this page's language. */
        public <T> T messages(Class<T> bundle) {
            return MessageBundles.get(bundle, Localized.Literal.of(locale.getLanguage()));
        }

        /** Field errors shown next to the fields; the submitted values are shown again. */
        public Page invalid(Map<String, String> errors, Map<String, String> form) {
            return with("errors", errors).with("form", form);
        }

        /**
         * A filtered, sortable table at {@code path} (below the console): the page gets {@code sort} and
         * {@code desc} (the order shown), {@code sortLink} (the address with the filters, for the column
         * headers of {@code tags/sortable.html}), {@code pageLink} (with the order too, for paging links)
         * and {@code tableQuery} (the filters and the order as a query string). Each link ends with
         * {@code ?} or {@code &} so that a parameter can follow. Empty filters are left out, and so is
         * the order from the address {@link #pushTable()} shows when it is the table's {@code usual} one
         * (an unfiltered table in its usual order is just {@code path}).
         */
        public <C extends Enum<C>> Page table(String path, Map<String, String> filters, io.stratum.admin.TableOrder<C> order,
                io.stratum.admin.TableOrder<C> usual) {
            StringBuilder query = new StringBuilder();
            filters.forEach((name, value) -> {
                if (value != null && !value.isEmpty()) {
                    query.append(name).append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)).append('&');
                }
            });
            String link = paths.base() + path + "?" + query;
            String filtered = query.isEmpty() ? "" : "?" + query.substring(0, query.length() - 1);
            query.append("sort=").append(order.key()).append("&desc=").append(order.descending());
            this.tableAddress = paths.base() + path + (order.equals(usual) ? filtered : "?" + query);
            return with("sort", order.key()).with("desc", order.descending()).with("sortLink", link)
                    .with("pageLink", link + "sort=" + order.key() + "&desc=" + order.descending() + "&").with("tableQuery", query.toString());
        }

        /** The address bar shows the table as it is filtered and sorted (after {@link #table}). */
        public Page pushTable() {
            return pushUrl(tableAddress);
        }

        /** After a form post, the address bar shows the section's page (not the action's). */
        public Page pushUrl(String url) {
            this.pushUrl = url;
            return this;
        }

        public Response ok() {
            return status(200);
        }

        public Response status(int status) {
            Response.ResponseBuilder response = Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(instance.render());
            if (pushUrl != null && ClientRequest.htmx(request)) {
                response.header("HX-Push-Url", pushUrl);
            }
            return response.build();
        }
    }

    /** Texts looked up by a key made at run time (roles, sections, section pages, access levels, metrics, audit categories). */
    private static Map<String, String> textsByKey(ConsoleMessages messages) {
        Map<String, String> labels = new java.util.HashMap<>();
        for (java.lang.reflect.Method method : ConsoleMessages.class.getMethods()) {
            if (method.getParameterCount() == 0 && method.getName().matches("(role|access|section|page|metric|audit)_.*")) {
                try {
                    labels.put(method.getName(), (String) method.invoke(messages));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("console text " + method.getName(), e);
                }
            }
        }
        return labels;
    }

    public Page page(Template template, HttpServerRequest request, String active) {
        return new Page(template, request, active);
    }

    /** Sends the browser to another console page (a full navigation for htmx requests). */
    public Response redirect(HttpServerRequest request, String path) {
        String location = paths.base() + path;
        if (ClientRequest.htmx(request)) {
            return Response.ok().header("HX-Redirect", location).build();
        }
        return Response.seeOther(URI.create(location)).build();
    }

    public String base() {
        return paths.base();
    }
}
