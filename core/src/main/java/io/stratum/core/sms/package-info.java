/** Sending SMS (phone login codes) through a pluggable provider; the default speaks a generic HTTP JSON API. */
package io.stratum.core.sms;
