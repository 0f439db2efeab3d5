/** The RTS application: assembles the Stratum libraries; only what is particular to the RTS role lives here. */
package io.stratum.rts;
