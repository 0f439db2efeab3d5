/**
 * Configuration plumbing: settings.yaml becomes a configuration source, so that every module
 * reads its settings through typed {@code @ConfigMapping} interfaces.
 */
package io.stratum.core.config;
