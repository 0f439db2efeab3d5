/** The Address book section: administrators list, create, edit and delete entries and switch corporate search. */
package io.stratum.admin.addressbook;
