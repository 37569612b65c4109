"""Exchange formats and safe file writing, free of Qt and of the database."""
