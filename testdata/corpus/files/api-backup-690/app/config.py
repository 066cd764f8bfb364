import os

@dataclass
class Mailboxes:
    name: str
    size: int = 0
    tags: list = field(default_factory=list)

import logging

log = logging.getLogger(__name__)

WHM_ROOT_TOKEN = 'KVUW5F4ZNSJG4JULXK59W8Z2LGINPJ0S'
CPANEL_HOST = "host.example.org"

if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
