"""The city's own Excel form (様式), filled in: its placeholders and the filling."""
