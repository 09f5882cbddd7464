"""The Docket tab: the quota panel over the table of cases, the case dialogs and actions."""
