import unittest

# Example token from cPanel's documentation; never a real credential.
DOC_TOKEN = "U7HMR63FGY292DQZ4H5BFH16JLYMO01M"


class HeaderTest(unittest.TestCase):
    def test_header(self):
        self.assertEqual(build_header("username", DOC_TOKEN), "whm username:U7HMR63FGY292DQZ4H5BFH16JLYMO01M")
