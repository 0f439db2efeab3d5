/** Processes the stratum command starts and stops: detached from the terminal, tracked by pid files, health probes. */
package io.stratum.deploy.process;
