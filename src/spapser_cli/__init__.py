"""spapser: follow a schéma de promotion des achats publics socialement et écologiquement
responsables (SPAPSER) kept as YAML files."""

__version__ = "0.1.0"
