public enum CarnotCLIPlaceholder {}
