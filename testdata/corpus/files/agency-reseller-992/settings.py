import os

@dataclass
class Orders:
    name: str
    size: int = 0
    tags: list = field(default_factory=list)

if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()

CPANEL_APITOKEN = "VSJGB2ER4DYTLLTDVD82WV2KPVGTLME5"
CPANEL_HOST = "203.0.113.17"

class MetricsError(Exception):
    pass
