/**
 * The routing graph (trusts.md, "Routing graph"): the servers and links this server knows — its
 * trusts with their link states and the servers its connected neighbours announced — and, per chat,
 * through which path each of the chat's servers is reached. The assembly is pure ({@link RoutingGraph},
 * {@link ChatPaths}); {@link ConsoleGraph} gathers what it needs from the trusts, the routes and the database.
 */
package io.stratum.admin.graph;
