/** The ETS application: assembles the Stratum libraries; only what is particular to the ETS role lives here. */
package io.stratum.ets;
