package io.stratum.admin.console;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.stratum.admin.InvalidInput;
import io.stratum.admin.TableOrder;
import io.stratum.admin.auth.Access;
import io.stratum.admin.auth.AdminAccess;
import io.stratum.admin.auth.CurrentAdmin;
import io.stratum.admin.auth.Section;
import io.stratum.admin.trusts.ConsoleTrusts;
import io.stratum.admin.web.AdminPaths;
import io.stratum.core.api.ApiException;
import io.stratum.trusts.link.LinkState;
import io.stratum.trusts.link.LinkStatus;
import io.stratum.trusts.records.Trust;
import io.stratum.trusts.records.TrustDraft;
import io.stratum.trusts.records.TrustKind;
import io.stratum.trusts.records.TrustRecords;
import io.vertx.core.http.HttpServerRequest;

/** The Trusts section: the list of trusts, a form to create one, and a page to edit, block or delete each. */
@Path(AdminPaths.INTERNAL + "/trusts")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Console")
public class TrustsPage {
    /** Link state colours the table may be filtered by (see {@link LinkStatus#colour()}). */
    private static final java.util.List<String> STATES = java.util.Arrays.stream(LinkState.values()).map(s -> s.name().toLowerCase(java.util.Locale.ROOT)).toList();
    private static final java.util.List<String> KINDS = java.util.Arrays.stream(io.stratum.trusts.records.TrustKind.values()).map(Enum::name).toList();
    /** Note field → its form input name ({@code note_<field>}). */
    private static final Map<String, String> NOTE_INPUTS = TrustDraft.NOTE_FIELDS.stream()
            .collect(java.util.stream.Collectors.toMap(key -> key, key -> "note_" + key));
    private static final String[] FIELDS = {"remoteId", "name", "kind", "endpoint", "clientHost", "allowTrustSearch", "allowEmail"};

    private final Template list;
    private final Template edit;
    private final ConsoleView view;
    private final ConsoleTrusts trusts;
    private final CurrentAdmin current;

    public TrustsPage(@Location("console/trusts.html") Template list, @Location("console/trust.html") Template edit, ConsoleView view,
            ConsoleTrusts trusts, CurrentAdmin current) {
        this.list = list;
        this.edit = edit;
        this.view = view;
        this.trusts = trusts;
        this.current = current;
    }

    @GET
    @AdminAccess(Section.TRUSTS)
    @Operation(summary = "Console: trusts")
    public Response show(@QueryParam("filter") String filter, @QueryParam("kind") String kind, @QueryParam("state") String state,
            @QueryParam("sort") String sort, @QueryParam("desc") Boolean descending, @Context HttpServerRequest request) {
        return listPage(request, new Shown(filter, kind, state, sort, descending)).pushTable().invalid(Map.of(), Map.of("kind", "CTS")).ok();
    }

    /** The table alone, which the page reloads every 5 s so that link states and queues stay current. */
    @GET
    @Path("/states/table")
    @AdminAccess(Section.TRUSTS)
    @Operation(summary = "Console: the trusts table with link states and queues (refreshed by the Trusts page)")
    public Response table(@QueryParam("filter") String filter, @QueryParam("kind") String kind, @QueryParam("state") String state,
            @QueryParam("sort") String sort, @QueryParam("desc") Boolean descending, @Context HttpServerRequest request) {
        return table(view.page(list.getFragment("table"), request, "trusts"), new Shown(filter, kind, state, sort, descending)).ok();
    }

    /**
     * What the table shows: trusts whose id, name, endpoint or client host contains {@code filter}, of
     * {@code kind} and in link {@code state} (a colour: green, red, purple, empty) when given, sorted.
     */
    record Shown(String filter, String kind, String state, String sort, Boolean descending) {
        static Shown all() {
            return new Shown(null, null, null, null, null);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @AdminAccess(value = Section.TRUSTS, access = Access.WRITE)
    @Operation(summary = "Console: create a trust")
    public Response create(MultivaluedMap<String, String> form, @Context HttpServerRequest request) {
        try {
            Trust created = trusts.create(current.require(), draft(form));
            ConsoleView.Page page = listPage(request, Shown.all()).invalid(Map.of(), Map.of("kind", "CTS"));
            return page.notice(page.messages().trusts_created(created.name())).ok();
        } catch (InvalidInput e) {
            return listPage(request, Shown.all()).invalid(e.errors(), redisplay(form)).status(400);
        } catch (ApiException e) {
            return listPage(request, Shown.all()).invalid(Map.of("remoteId", e.getMessage()), redisplay(form)).status(e.status());
        }
    }

    @GET
    @Path("/{remoteId}")
    @AdminAccess(Section.TRUSTS)
    @Operation(summary = "Console: one trust")
    public Response showOne(@PathParam("remoteId") String remoteId, @Context HttpServerRequest request) {
        Trust trust = trusts.get(remoteId);
        return editPage(request, trust).invalid(Map.of(), values(trust)).ok();
    }

    @POST
    @Path("/{remoteId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @AdminAccess(value = Section.TRUSTS, access = Access.WRITE)
    @Operation(summary = "Console: change a trust")
    public Response update(@PathParam("remoteId") String remoteId, MultivaluedMap<String, String> form,
            @Context HttpServerRequest request) {
        try {
            Trust changed = trusts.update(current.require(), remoteId, draft(form));
            ConsoleView.Page page = editPage(request, changed).invalid(Map.of(), values(changed));
            return page.notice(page.messages().settings_saved()).ok();
        } catch (InvalidInput e) {
            return editPage(request, trusts.get(remoteId)).invalid(e.errors(), redisplay(form)).status(400);
        }
    }

    @POST
    @Path("/{remoteId}/enable")
    @AdminAccess(value = Section.TRUSTS, access = Access.WRITE)
    @Operation(summary = "Console: unblock a trust")
    public Response enable(@PathParam("remoteId") String remoteId, @Context HttpServerRequest request) {
        return changed(request, trusts.setEnabled(current.require(), remoteId, true), ConsoleMessages::trusts_enabled);
    }

    @POST
    @Path("/{remoteId}/disable")
    @AdminAccess(value = Section.TRUSTS, access = Access.WRITE)
    @Operation(summary = "Console: block a trust")
    public Response disable(@PathParam("remoteId") String remoteId, @Context HttpServerRequest request) {
        return changed(request, trusts.setEnabled(current.require(), remoteId, false), ConsoleMessages::trusts_disabled);
    }

    @POST
    @Path("/{remoteId}/delete")
    @AdminAccess(value = Section.TRUSTS, access = Access.WRITE)
    @Operation(summary = "Console: delete a trust")
    public Response delete(@PathParam("remoteId") String remoteId, @Context HttpServerRequest request) {
        Trust trust = trusts.get(remoteId);
        try {
            trusts.delete(current.require(), remoteId);
        } catch (ApiException e) {
            ConsoleView.Page page = editPage(request, trust).invalid(Map.of(), values(trust));
            return page.error(e.getMessage()).status(e.status());
        }
        ConsoleView.Page page = listPage(request, Shown.all()).invalid(Map.of(), Map.of("kind", "CTS"));
        return page.notice(page.messages().trusts_deleted(trust.name())).ok();
    }

    private Response changed(HttpServerRequest request, Trust trust, java.util.function.BiFunction<ConsoleMessages, String, String> notice) {
        ConsoleView.Page page = editPage(request, trust).invalid(Map.of(), values(trust));
        return page.notice(notice.apply(page.messages(), trust.name())).ok();
    }

    private ConsoleView.Page listPage(HttpServerRequest request, Shown shown) {
        ConsoleView.Page page = view.page(list, request, "trusts");
        return table(page, shown).with("noteFields", TrustDraft.NOTE_FIELDS).with("noteInputs", NOTE_INPUTS).with("kinds", KINDS)
                .with("states", STATES.stream().map(state -> new ConsoleView.NavItem(state, page.labels().get("trust_state_" + state))).toList())
                .with("canWrite", current.require().rights().allows(Section.TRUSTS, Access.WRITE)).pushUrl(view.base() + "/trusts");
    }

    private ConsoleView.Page table(ConsoleView.Page page, Shown shown) {
        String filter = shown.filter() == null ? "" : shown.filter().strip();
        TrustKind kind = ConsoleTrusts.kind(shown.kind());
        String state = shown.state() != null && STATES.contains(shown.state()) ? shown.state() : "";
        TableOrder<TrustRecords.SortBy> order = TableOrder.parse(shown.sort(), shown.descending(), ConsoleTrusts.BY_KIND);
        java.util.List<Trust> found = trusts.list(filter, kind, order);
        Map<String, LinkStatus> links = trusts.links(found);
        java.util.List<Trust> shownTrusts = state.isEmpty() ? found
                : found.stream().filter(trust -> links.get(trust.remoteId()).colour().equals(state)).toList();
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("filter", filter);
        filters.put("kind", kind == null ? "" : kind.name());
        filters.put("state", state);
        return page.with("trusts", shownTrusts).with("links", links).with("filter", filter).with("kindShown", filters.get("kind"))
                .with("stateShown", state).table("/trusts", filters, order, ConsoleTrusts.BY_KIND);
    }

    private ConsoleView.Page editPage(HttpServerRequest request, Trust trust) {
        return view.page(edit, request, "trusts").with("trust", trust).with("link", trusts.link(trust))
                .with("updated", trust.updatedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()).with("noteFields", TrustDraft.NOTE_FIELDS).with("noteInputs", NOTE_INPUTS).with("kinds", KINDS)
                .with("canWrite", current.require().rights().allows(Section.TRUSTS, Access.WRITE))
                .pushUrl(view.base() + "/trusts/" + trust.remoteId());
    }

    private static TrustDraft draft(MultivaluedMap<String, String> form) {
        Function<String, String> field = name -> form.getFirst(name) == null ? "" : form.getFirst(name);
        Map<String, String> notes = new LinkedHashMap<>();
        TrustDraft.NOTE_FIELDS.forEach(key -> notes.put(key, field.apply("note_" + key)));
        return new TrustDraft(field.apply("remoteId"), field.apply("name"), field.apply("kind"), field.apply("endpoint"),
                field.apply("clientHost"), field.apply("tokenForAccept"), field.apply("tokenForConnect"), !"false".equals(form.getFirst("enabled")),
                "true".equals(form.getFirst("allowTrustSearch")), "true".equals(form.getFirst("allowEmail")), notes);
    }

    /** The submitted values to show again; tokens are never shown back. */
    private static Map<String, String> redisplay(MultivaluedMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((key, list) -> {
            if (!key.startsWith("token") && !list.isEmpty()) {
                values.put(key, list.get(0));
            }
        });
        return values;
    }

    private static Map<String, String> values(Trust trust) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(FIELDS[0], trust.remoteId());
        values.put(FIELDS[1], trust.name());
        values.put(FIELDS[2], trust.kind().name());
        values.put(FIELDS[3], trust.endpoint());
        values.put(FIELDS[4], trust.clientHost());
        values.put(FIELDS[5], Boolean.toString(trust.allowTrustSearch()));
        values.put(FIELDS[6], Boolean.toString(trust.allowEmail()));
        trust.notes().forEach((key, value) -> values.put("note_" + key, value));
        return values;
    }
}
