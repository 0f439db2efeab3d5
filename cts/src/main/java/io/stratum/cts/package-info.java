/** The CTS application: assembles the Stratum libraries; only what is particular to the CTS role lives here. */
package io.stratum.cts;
